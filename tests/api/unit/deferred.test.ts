import { deferred, once, preload } from '../../../functions/api/runtime/deferred';

interface Greeter {
  greet(name: string): Promise<string>;
  fail(): Promise<never>;
}

/** A loader that counts its calls and fails while `failing` is set. */
function loader() {
  const state = { loads: 0, failing: false };
  const load = async (): Promise<Greeter> => {
    state.loads++;
    if (state.failing) throw new Error('chunk missing');
    const prefix = `hello #${state.loads}`;
    return {
      greet: async (name) => `${prefix}, ${name}`,
      fail: async () => {
        throw new Error('from the real method');
      },
    };
  };
  return { state, load };
}

describe('deferred(methods, load)', () => {
  it('when created, then nothing is loaded until the first call', async () => {
    const { state, load } = loader();
    const greeter = deferred<Greeter>(['greet', 'fail'], load);
    expect(state.loads).toBe(0);
    await expect(greeter.greet('ada')).resolves.toBe('hello #1, ada');
    expect(state.loads).toBe(1);
  });

  it('when called concurrently and again later, then the implementation is loaded once', async () => {
    const { state, load } = loader();
    const greeter = deferred<Greeter>(['greet', 'fail'], load);
    const answers = await Promise.all([greeter.greet('a'), greeter.greet('b'), greeter.greet('c')]);
    await greeter.greet('d');
    expect(answers).toEqual(['hello #1, a', 'hello #1, b', 'hello #1, c']);
    expect(state.loads).toBe(1);
  });

  it("when the real method throws, then the caller gets that method's error", async () => {
    const greeter = deferred<Greeter>(['greet', 'fail'], loader().load);
    await expect(greeter.fail()).rejects.toThrow('from the real method');
  });

  it('when the load fails, then the call fails with it and the next call loads again', async () => {
    const { state, load } = loader();
    const greeter = deferred<Greeter>(['greet', 'fail'], load);
    state.failing = true;
    await expect(greeter.greet('x')).rejects.toThrow('chunk missing');
    state.failing = false;
    await expect(greeter.greet('y')).resolves.toBe('hello #2, y');
  });
});

describe('preload(...facades)', () => {
  it('when given facades, then each loads now, and a failing one is left to its first call', async () => {
    const ok = loader();
    const broken = loader();
    broken.state.failing = true;
    const a = deferred<Greeter>(['greet', 'fail'], ok.load);
    const b = deferred<Greeter>(['greet', 'fail'], broken.load);
    await expect(preload(a, b, { not: 'a facade' })).resolves.toBeUndefined();
    expect([ok.state.loads, broken.state.loads]).toEqual([1, 1]);
    broken.state.failing = false;
    await expect(b.greet('z')).resolves.toBe('hello #2, z');
  });
});

describe('once(load)', () => {
  it('when called twice, then load ran once and both get the same value', async () => {
    let calls = 0;
    const get = once(async () => ({ n: ++calls }));
    const [first, second] = await Promise.all([get(), get()]);
    expect(first).toBe(second);
    expect(calls).toBe(1);
  });
});
