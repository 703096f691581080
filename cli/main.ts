/**
 * Entry point of `kubectl model` (bin/kubectl-model runs the compiled build/cli/main.js). Exits
 * explicitly once the command is done: keep-alive sockets and aborted watches must not hold a CI
 * job open.
 */
import { connect } from './context.js';
import { processStreams } from './output.js';
import { run } from './run.js';

const code = await run(process.argv.slice(2), { streams: processStreams, connect, now: Date.now });
process.exit(code);
