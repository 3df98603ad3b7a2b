// fast-check with a count: every property test prints how many inputs it tried, so a run shows
// that hostile input was really thrown at the code (and how much of it).
import fc from 'fast-check'

export interface Counted {
  name: string
  runs: number
}

/**
 * Runs `fc.assert` on `property`, counting the inputs the predicate saw, and prints
 * "fast-check: <name> — N inputs, 0 failures". A failure throws fast-check's own report
 * (the shrunk counterexample and its seed), so the line is only printed for a pass.
 */
export function checkProperty<Ts extends [unknown, ...unknown[]]>(
  name: string,
  arbitraries: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> },
  predicate: (...args: Ts) => boolean | void,
  numRuns = 1000,
): Counted {
  let tried = 0
  const counted = (...args: Ts) => {
    tried++
    return predicate(...args)
  }
  // fast-check's tuple overloads cannot be spread generically, hence the cast.
  const property = (fc.property as (...a: unknown[]) => fc.IPropertyWithHooks<Ts>)(...arbitraries, counted)
  fc.assert(property, { numRuns })
  console.log(`fast-check: ${name} — ${tried} inputs, 0 failures`)
  return { name, runs: tried }
}

/** Any text, including lone surrogates, control characters and emoji. */
export const anyText = (maxLength = 200) => fc.string({ unit: 'binary', maxLength })
/** Text a person could type or paste: well-formed Unicode. */
export const typedText = (maxLength = 200) => fc.string({ unit: 'grapheme', maxLength })
