/**
 * Starts something on a random port offset, drawn again if another system on this machine
 * (another test file or run) holds the ports. Offsets put ports between 14000 and 32019:
 * below Linux's ephemeral range (32768 up), where the systems' own outgoing connections would
 * otherwise take a port a service is about to listen on. `shift` moves the ports within the
 * drawn slot of 100, so different kinds of system never draw the same ports.
 * Its own module: the in-process systems and the command tests use it without the launcher.
 */
export async function onFreePorts<T>(start: (portOffset: number) => Promise<T>, shift = 0, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start(10_000 + Math.floor(Math.random() * 180) * 100 + shift);
    } catch (error) {
      if (attempt >= attempts || !String((error as Error).message).includes("EADDRINUSE")) throw error;
    }
  }
}
