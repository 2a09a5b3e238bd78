import { removeAssemblies } from './global-setup';

export default async function teardown(): Promise<void> {
  removeAssemblies();
}
