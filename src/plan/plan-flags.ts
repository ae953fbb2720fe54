// PLAN `auto_close_disabled` (formats.md F-PLAN-1): the boolean true, or the strings "true" / "True".
export function isAutoCloseDisabled(
  plan: Readonly<Record<string, unknown>>,
): boolean {
  const v = plan.auto_close_disabled;
  return v === true || v === "true" || v === "True";
}
