/** placeholder */
export async function upgrade(el: HTMLElement, reason: string): Promise<void> {
  console.log('upgrade', el.id, reason);
}
