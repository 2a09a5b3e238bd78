import { coalesce } from '../../container/stand-ins/cognito-store';

/** A write that records the state it saw and finishes when the test says so. */
function controlledWrite(state: { value: number }) {
  const written: number[] = [];
  const finish: Array<() => void> = [];
  const write = () =>
    new Promise<void>((resolve) => {
      const seen = state.value;
      finish.push(() => {
        written.push(seen);
        resolve();
      });
    });
  return { written, finish, write };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('cognito stand-in store writes', () => {
  it('when changes overlap a write, then one follow-up write carries them all and each caller waits for it', async () => {
    const state = { value: 0 };
    const { written, finish, write } = controlledWrite(state);
    const save = coalesce(write);
    const settled: number[] = [];
    state.value = 1;
    const first = save().then(() => settled.push(1));
    state.value = 2;
    const second = save().then(() => settled.push(2));
    state.value = 3;
    const third = save().then(() => settled.push(3));
    expect(finish).toHaveLength(1); // only the first write started
    finish[0]!();
    await first;
    await tick();
    expect(settled).toEqual([1]); // 2 and 3 wait for a write that started after them
    expect(finish).toHaveLength(2);
    finish[1]!();
    await Promise.all([second, third]);
    expect(written).toEqual([1, 3]);
    expect(settled).toEqual([1, 2, 3]);
  });

  it('when a write fails, then its callers see the error and the next change writes again', async () => {
    let calls = 0;
    const save = coalesce(async () => {
      calls += 1;
      if (calls === 1) throw new Error('disk full');
    });
    await expect(save()).rejects.toThrow('disk full');
    await expect(save()).resolves.toBeUndefined();
    expect(calls).toBe(2);
  });
});
