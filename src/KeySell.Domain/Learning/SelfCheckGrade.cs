namespace KeySell.Domain.Learning;

/// <summary>
/// How one answer to a self-check scored: the share right (0…1) and which items were right and wrong, in the terms of
/// the check (letters for 4-1, the choice for 1-1). The explanation is worded by the caller in the reader's language.
/// </summary>
public sealed record SelfCheckGrade(decimal Score, IReadOnlyList<string> Correct, IReadOnlyList<string> Wrong);
