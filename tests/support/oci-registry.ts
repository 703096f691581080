/**
 * A real OCI registry for tests: `/usr/bin/docker-registry` (CNCF distribution) on a free loopback
 * port, storing blobs in a temporary folder, configured by a generated file. Optional htpasswd basic
 * auth (bcrypt entries made by the system's libcrypt through python3's ctypes, so no npm package is
 * needed) and optional TLS from PEM files. `stop()` / `start()` take it down and bring it back on
 * the same port with the same data, to test outages; `pushArtifact()` uploads a small OCI artifact
 * over the Distribution API so tests have real tags and digests.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './net.js';
import { waitFor } from './wait.js';

export interface OciRegistryOptions {
  /** @default '/usr/bin/docker-registry' (or $DOCKER_REGISTRY_BIN) */
  readonly binary?: string;
  /** @default a free loopback port */
  readonly port?: number;
  /** Users for htpasswd basic auth; none = anonymous access. @default none */
  readonly users?: Readonly<Record<string, string>>;
  /** Serve HTTPS with this certificate and key (PEM file paths). @default plain HTTP */
  readonly tls?: { readonly certFile: string; readonly keyFile: string };
  /** @default 15_000 */
  readonly startTimeoutMs?: number;
}

export class OciRegistry {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private output = '';

  private constructor(
    readonly port: number,
    private readonly binary: string,
    private readonly dir: string,
    private readonly configFile: string,
    private readonly tlsEnabled: boolean,
    private readonly startTimeoutMs: number,
  ) {}

  static async start(options: OciRegistryOptions = {}): Promise<OciRegistry> {
    const port = options.port ?? (await freePort());
    const dir = await mkdtemp(join(tmpdir(), 'oci-registry-test-'));
    const lines = [
      'version: 0.1',
      'log:',
      '  level: error',
      '  accesslog:',
      '    disabled: true',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${join(dir, 'data')}`,
      '  delete:',
      '    enabled: true',
      '  maintenance:',
      '    uploadpurging:',
      '      enabled: false',
      'http:',
      `  addr: 127.0.0.1:${port}`,
      `  secret: ${randomBytes(16).toString('hex')}`,
    ];
    if (options.tls) {
      lines.push('  tls:', `    certificate: ${options.tls.certFile}`, `    key: ${options.tls.keyFile}`);
    }
    if (options.users) {
      const htpasswd = join(dir, 'htpasswd');
      const entries = await Promise.all(
        Object.entries(options.users).map(async ([user, pw]) => `${user}:${await bcrypt(pw)}`),
      );
      await writeFile(htpasswd, entries.join('\n') + '\n');
      lines.push('auth:', '  htpasswd:', '    realm: suoke-test', `    path: ${htpasswd}`);
    }
    const configFile = join(dir, 'config.yml');
    await writeFile(configFile, lines.join('\n') + '\n');
    const registry = new OciRegistry(
      port,
      options.binary ?? process.env['DOCKER_REGISTRY_BIN'] ?? '/usr/bin/docker-registry',
      dir,
      configFile,
      options.tls !== undefined,
      options.startTimeoutMs ?? 15_000,
    );
    await registry.start();
    return registry;
  }

  /** `http://127.0.0.1:<port>` (or https). */
  get url(): string {
    return `${this.tlsEnabled ? 'https' : 'http'}://127.0.0.1:${this.port}`;
  }

  /** `127.0.0.1:<port>`, as it appears in `oci://` references. */
  get host(): string {
    return `127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  /** Starts (again, after `stop()`) on the same port and data; resolves once `/v2/` answers. */
  async start(): Promise<void> {
    if (this.child) return;
    this.output = '';
    const child = spawn(this.binary, ['serve', this.configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (c: Buffer) => (this.output += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (this.output += c.toString()));
    this.child = child;
    this.exited = new Promise((resolve) => {
      const gone = (): void => {
        if (this.child === child) this.child = undefined;
        resolve();
      };
      child.once('exit', gone);
      child.once('error', gone);
    });
    try {
      await waitFor(
        async () => {
          if (this.child !== child) throw new Error(`docker-registry exited: ${this.output.trim()}`);
          return (await this.answers()) === true;
        },
        {
          timeoutMs: this.startTimeoutMs,
          description: `docker-registry on port ${this.port} to answer /v2/`,
        },
      );
    } catch (error) {
      child.kill('SIGKILL');
      throw new Error(`docker-registry did not start on port ${this.port}: ${this.output.trim()}`, {
        cause: error,
      });
    }
  }

  /** Stops the process (SIGTERM); resolves once it is gone. Data stays for `start()`. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill('SIGTERM');
    await this.exited;
  }

  /** Stops and removes the data folder. */
  async dispose(): Promise<void> {
    await this.stop();
    await rm(this.dir, { recursive: true, force: true });
  }

  private answers(): Promise<boolean> {
    return new Promise((resolve) => {
      const lib = this.tlsEnabled ? https : http;
      const req = lib.get(`${this.url}/v2/`, { rejectUnauthorized: false, timeout: 1000 }, (res) => {
        res.resume();
        resolve(res.statusCode === 200 || res.statusCode === 401);
      });
      req.on('timeout', () => req.destroy());
      req.on('error', () => resolve(false));
    });
  }
}

/** A bcrypt (`$2b$`) hash from the system's libcrypt, as distribution's htpasswd auth requires. */
export async function bcrypt(password: string, cost = 5): Promise<string> {
  const script = [
    'import ctypes, ctypes.util, sys',
    "lib = ctypes.CDLL(ctypes.util.find_library('crypt') or 'libcrypt.so.1')",
    'lib.crypt_gensalt.restype = ctypes.c_char_p',
    'lib.crypt_gensalt.argtypes = [ctypes.c_char_p, ctypes.c_ulong, ctypes.c_char_p, ctypes.c_int]',
    'lib.crypt.restype = ctypes.c_char_p',
    'lib.crypt.argtypes = [ctypes.c_char_p, ctypes.c_char_p]',
    `salt = lib.crypt_gensalt(b'$2b$', ${cost}, None, 0)`,
    'sys.stdout.write(lib.crypt(sys.stdin.readline().rstrip("\\n").encode(), salt).decode())',
  ].join('\n');
  const run = promisify(execFile);
  const child = run('python3', ['-c', script]);
  child.child.stdin?.end(`${password}\n`);
  const { stdout } = await child;
  if (!/^\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}$/.test(stdout)) {
    throw new Error(`bcrypt: libcrypt did not produce a bcrypt hash (got '${stdout.slice(0, 7)}…')`);
  }
  return stdout;
}

export interface PushArtifactOptions {
  /** Registry base URL, e.g. `registry.url`. */
  readonly url: string;
  readonly repository: string;
  readonly tag: string;
  /** @default 'application/vnd.suoke.model.v1' */
  readonly artifactType?: string;
  /** Layer content. @default random bytes (so every push has a new digest) */
  readonly content?: Buffer;
  /** Basic credentials for a registry with htpasswd auth. @default none */
  readonly auth?: { readonly username: string; readonly password: string };
  /** Manifest annotations. @default {} */
  readonly annotations?: Readonly<Record<string, string>>;
}

export interface PushedArtifact {
  /** `sha256:…` of the manifest: what the registry reports as `Docker-Content-Digest`. */
  readonly digest: string;
  readonly manifest: string;
}

/**
 * Uploads a config blob and one layer (monolithic uploads: POST then PUT with `?digest=`), then an
 * OCI image manifest with `artifactType` under `tag`, as `oras push` does.
 */
export async function pushArtifact(options: PushArtifactOptions): Promise<PushedArtifact> {
  const base = options.url.replace(/\/+$/, '');
  const headers: Record<string, string> = options.auth
    ? {
        Authorization: `Basic ${Buffer.from(`${options.auth.username}:${options.auth.password}`).toString('base64')}`,
      }
    : {};
  const config = Buffer.from('{}');
  const layer = options.content ?? randomBytes(64);
  const upload = async (blob: Buffer): Promise<string> => {
    const digest = `sha256:${createHash('sha256').update(blob).digest('hex')}`;
    const start = await send('POST', `${base}/v2/${options.repository}/blobs/uploads/`, headers);
    if (start.status !== 202 || !start.location) {
      throw new Error(`pushArtifact: upload start answered ${start.status}: ${start.body}`);
    }
    const location = new URL(start.location, base);
    location.searchParams.set('digest', digest);
    const put = await send(
      'PUT',
      location.toString(),
      {
        ...headers,
        'Content-Type': 'application/octet-stream',
      },
      blob,
    );
    if (put.status !== 201) throw new Error(`pushArtifact: blob upload answered ${put.status}: ${put.body}`);
    return digest;
  };
  const configDigest = await upload(config);
  const layerDigest = await upload(layer);
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    artifactType: options.artifactType ?? 'application/vnd.suoke.model.v1',
    config: { mediaType: 'application/vnd.oci.empty.v1+json', digest: configDigest, size: config.length },
    layers: [
      {
        mediaType: 'application/vnd.suoke.model.layer.v1.tar',
        digest: layerDigest,
        size: layer.length,
        annotations: { 'org.opencontainers.image.title': 'model.bin' },
      },
    ],
    annotations: options.annotations ?? {},
  });
  const put = await send(
    'PUT',
    `${base}/v2/${options.repository}/manifests/${options.tag}`,
    { ...headers, 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' },
    Buffer.from(manifest),
  );
  if (put.status !== 201)
    throw new Error(`pushArtifact: manifest upload answered ${put.status}: ${put.body}`);
  const digest = `sha256:${createHash('sha256').update(manifest).digest('hex')}`;
  if (put.digest && put.digest !== digest) {
    throw new Error(`pushArtifact: registry reports digest ${put.digest}, expected ${digest}`);
  }
  return { digest, manifest };
}

function send(
  method: string,
  url: string,
  headers: Record<string, string>,
  body?: Buffer,
): Promise<{ status: number; location?: string; digest?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const lib = url.startsWith('https:') ? https : http;
    const req = lib.request(
      url,
      {
        method,
        headers: { ...headers, 'Content-Length': body?.length ?? 0 },
        rejectUnauthorized: false,
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            location: res.headers.location,
            digest: res.headers['docker-content-digest'] as string | undefined,
            body: text.slice(0, 500),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
