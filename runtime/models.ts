import type { Model } from 'openai/resources/models';
import type { RuntimeConfig } from './config.js';
import { errors } from './errors.js';

/**
 * The model objects of `GET /v1/models` and `GET /v1/models/{id}` (the SDKs' `models.list` and
 * `models.retrieve`). The list names the model id clients are given; retrieving also knows the
 * engine's model name, which chat accepts too, so a client configured with either finds its model.
 */
export class ModelCatalogue {
  private readonly list: string;

  constructor(
    private readonly config: Pick<RuntimeConfig, 'model' | 'engineModel' | 'agent'>,
    /** When the runtime started (epoch seconds): the models' `created`. */
    private readonly created: number,
  ) {
    this.list = JSON.stringify({ object: 'list', data: [this.model(config.model)] });
  }

  /** The JSON body of `GET /v1/models`. */
  listBody(): string {
    return this.list;
  }

  /**
   * The JSON body of `GET /v1/models/{id}`, from the path's (percent-encoded) id; throws 404
   * `model_not_found` for a model not served here.
   */
  retrieveBody(encodedId: string): string {
    let id: string;
    try {
      id = decodeURIComponent(encodedId);
    } catch {
      id = encodedId;
    }
    if (id !== this.config.model && id !== this.config.engineModel) {
      throw errors.modelNotFound(id, this.config.model);
    }
    return JSON.stringify(this.model(id));
  }

  private model(id: string): Model {
    return { id, object: 'model', created: this.created, owned_by: this.config.agent };
  }
}
