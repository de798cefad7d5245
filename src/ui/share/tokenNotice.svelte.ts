// The one warning shown when the token guard removed something, whichever way it came in (typed,
// pasted, a file, a link, the LMS): it says where, never what.
export class TokenNotice {
  #where = $state<string | undefined>();

  /** Where the last token was found ("the link", a file name, …); undefined when none. */
  get where(): string | undefined {
    return this.#where;
  }

  flag(where: string) {
    this.#where = where;
  }

  dismiss() {
    this.#where = undefined;
  }
}

export const tokenNotice = new TokenNotice();
