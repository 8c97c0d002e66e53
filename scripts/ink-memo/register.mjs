// For the benchmarks, which run the app from source: resolve the two libraries to their
// remembered versions, as the bundle does (scripts/build.mjs aliases them), so what is measured
// is what ships. `node --import ./scripts/ink-memo/register.mjs …`
import {register} from 'node:module';

register(new URL('hooks.mjs', import.meta.url));
