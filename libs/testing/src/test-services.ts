// Where the medium and cross-process tests find the real local services.
export const testServices = {
  databaseAdminUrl: process.env.SLIPWAY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  amqpUrl: process.env.SLIPWAY_TEST_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
  redisUrl: process.env.SLIPWAY_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
};
