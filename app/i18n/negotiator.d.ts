// NOTE: stands in for @types/negotiator until that is a devDependency; delete this file then.
declare module 'negotiator' {
  export default class Negotiator {
    constructor(request: { headers: Record<string, string | string[] | undefined> })
    /** The language tags the request accepts, best first; with `available`, those of them it accepts. */
    languages(available?: readonly string[]): string[]
  }
}
