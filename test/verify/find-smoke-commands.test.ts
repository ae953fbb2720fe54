import { describe, expect, it } from "vitest";
import { findSmokeCommands } from "../../src/verify/smoke-imports.js";
import { dedent } from "../helpers/dedent.js";

describe("findSmokeCommands (D-GUARD-5)", () => {
  it('finds trimmed lines that are exactly python(3) -c "from X import Y", either quote style', () => {
    const body = dedent`
      ## Verification
      python3 -c "from app.limits import Bucket"
        python -c 'from app import main, run'
      python3 -c "from app import x" && echo extra
      - python3 -c "from app import y"
      python3 -c "import app"
      python3 -c "from app import z'
      python2 -c "from app import w"
    `;
    expect(findSmokeCommands(body)).toStrictEqual([
      'python3 -c "from app.limits import Bucket"',
      "python -c 'from app import main, run'",
    ]);
  });
});
