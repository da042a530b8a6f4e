/** True when A and B are the same type (each assignable to the other, modifiers included). */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Compiles only when given `true`: `Assert<Equal<X, Y>>` fails to compile when X and Y differ. */
export type Assert<T extends true> = T;
