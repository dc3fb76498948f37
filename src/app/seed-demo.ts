import type { AppContext } from './context.js';
import { domains } from './domains.js';

/** Every domain's demo data in registry order (`regiolotse seed --demo`); idempotent. */
export async function seedDemoData(
  ctx: AppContext,
  progress: (domain: string, message: string) => void = () => undefined,
): Promise<void> {
  for (const d of domains) {
    if (!d.seedDemo) continue;
    await d.seedDemo(ctx, (message) => progress(d.name, message));
  }
}
