import pg from 'pg';

export interface Listener {
  /** Settles once the first attempt to LISTEN has succeeded or failed (then it retries on its own). */
  listening: Promise<void>;
  stop(): Promise<void>;
}

/**
 * LISTENs on `channel` over a connection of its own, and connects again `retryMs` after it
 * is lost. Notifications sent while no connection listens reach nobody, so the caller is
 * told each time listening (re)starts (`onListening`) and each time it stops (`onLost`).
 */
export function listenFor(opts: {
  databaseUrl: string;
  channel: string;
  onNotify: (payload: string) => void;
  onListening?: () => void;
  onLost?: () => void;
  retryMs: number;
}): Listener {
  let stopped = false;
  let client: pg.Client | undefined;
  const ended = new WeakSet<pg.Client>();
  const lost = (c: pg.Client) => {
    // an error event and a failed query can both report the same connection
    if (ended.has(c)) return;
    ended.add(c);
    if (client === c) {
      client = undefined;
      opts.onLost?.();
    }
    c.end().catch(() => {});
    if (!stopped) setTimeout(listen, opts.retryMs);
  };
  const listen = async (): Promise<void> => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: opts.databaseUrl });
    // a connection can also close without an error (the server shutting down cleanly)
    c.on('error', () => lost(c));
    c.on('end', () => lost(c));
    c.on('notification', (n) => opts.onNotify(n.payload ?? ''));
    try {
      await c.connect();
      await c.query(`LISTEN ${pg.escapeIdentifier(opts.channel)}`);
      if (stopped) return void (await c.end());
      client = c;
      opts.onListening?.();
    } catch {
      lost(c);
    }
  };
  const listening = listen();
  return {
    listening,
    stop: async () => {
      stopped = true;
      const c = client;
      client = undefined;
      await c?.end().catch(() => {});
    },
  };
}
