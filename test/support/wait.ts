/** Polls until the probe answers something truthy, or fails the test after `ms`. */
export async function until<T>(
  probe: () => Promise<T | undefined | null | false>,
  ms = 10_000,
  what = 'condition',
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`${what} not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const silent = { info() {}, warn() {}, error() {}, debug() {} };
