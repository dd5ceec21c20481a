import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: [
    './runtime/db/schema.ts',
    './runtime/db/schema-callbacks.ts',
    './runtime/db/schema-access.ts',
    './runtime/db/schema-auth-throttle.ts',
    './runtime/db/schema-call-in.ts',
  ],
  out: './runtime/db/migrations',
});
