// What a function that can fail on user input returns instead of throwing (every wing uses it).
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };
