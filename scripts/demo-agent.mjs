#!/usr/bin/env node
// Development entry for the demo agent (architecture.md §1). The agent itself ships
// in the package as scaffold/demo/demo-agent.mjs (README resolved point 7); this file
// only runs it, so SPECFUSE_AGENT_CMD=scripts/demo-agent.mjs works from a clone.
import "../scaffold/demo/demo-agent.mjs";
