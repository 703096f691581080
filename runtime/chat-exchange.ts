import { readJsonBody } from './body.js';
import type { ChatScope } from './chat-observe.js';
import { parseChatRequest } from './chat-request.js';
import type { RuntimeConfig } from './config.js';
import { errors } from './errors.js';
import type { Exchange, WireFormat } from './wire-format.js';

/**
 * The pipeline's parse step: the body read in the client's API (`wire`), validated by the chat
 * API's own rules, for a model this runtime serves (by its id or by the engine's name for it).
 * `alreadyRead`: the body's bytes when an earlier step read them (session affinity, to forward them).
 */
export async function readExchange(
  scope: ChatScope,
  config: RuntimeConfig,
  wire: WireFormat,
  alreadyRead?: Buffer,
): Promise<Exchange> {
  const exchange = wire.read(await readJsonBody(scope.req, config, alreadyRead), (chatBody) =>
    parseChatRequest(chatBody, config),
  );
  const { request } = exchange;
  if (request.model !== config.model && request.model !== config.engineModel) {
    throw errors.modelNotFound(request.model, config.model);
  }
  scope.outcome.stream = request.stream;
  scope.describeRequest(request.model, request.params);
  return exchange;
}
