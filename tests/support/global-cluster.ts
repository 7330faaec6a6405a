import { startTestCluster, type TestCluster } from './test-cluster';

/**
 * One PostgreSQL cluster of the suite's own for the tests that need a plain
 * server (the job worker's crash test makes its database there through
 * TEST_DATABASE_URL); tests that restart or reconfigure PostgreSQL start
 * clusters of their own.
 */
let cluster: TestCluster | undefined;

export async function setup(): Promise<void> {
  cluster = await startTestCluster();
  process.env.TEST_DATABASE_URL = cluster.url;
  process.env.HEARD_TEST_CLUSTER_URL = cluster.url;
}

export async function teardown(): Promise<void> {
  await cluster?.stop();
}
