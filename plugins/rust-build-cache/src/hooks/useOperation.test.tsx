import { act, renderHook, waitFor } from '@testing-library/react';
import { useOperation } from './useOperation';

describe('useOperation', () => {
  it('is running with its arguments until the operation settles, then returns its result', async () => {
    let finish: (value: string) => void = () => {};
    const { result } = renderHook(() =>
      useOperation(
        (id: string) =>
          new Promise<string>(resolve => {
            finish = value => resolve(`${id}:${value}`);
          }),
      ),
    );
    expect(result.current.running).toBe(false);

    let returned: Promise<string | undefined> = Promise.resolve(undefined);
    act(() => {
      returned = result.current.run('a');
    });
    expect(result.current.running).toBe(true);
    expect(result.current.runningWith).toEqual(['a']);

    await act(async () => finish('done'));
    await expect(returned).resolves.toBe('a:done');
    expect(result.current.running).toBe(false);
    expect(result.current.error).toBeUndefined();
  });

  it('keeps the error instead of throwing, and clears it when the next call starts', async () => {
    let fail = true;
    const { result } = renderHook(() =>
      useOperation(async () => {
        if (fail) throw new Error('backend said no');
        return 'ok';
      }),
    );

    await act(async () => {
      await expect(result.current.run()).resolves.toBeUndefined();
    });
    expect(result.current.error?.message).toBe('backend said no');

    fail = false;
    await act(async () => {
      await expect(result.current.run()).resolves.toBe('ok');
    });
    expect(result.current.error).toBeUndefined();
  });

  it('sets nothing after the component unmounts', async () => {
    const consoleError = jest.spyOn(console, 'error');
    let fail: (e: Error) => void = () => {};
    const { result, unmount } = renderHook(() =>
      useOperation(
        () =>
          new Promise<void>((_resolve, reject) => {
            fail = reject;
          }),
      ),
    );
    let returned: Promise<void | undefined> = Promise.resolve();
    act(() => {
      returned = result.current.run();
    });
    unmount();
    fail(new Error('late'));
    await waitFor(() => expect(returned).resolves.toBeUndefined());
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
  });
});
