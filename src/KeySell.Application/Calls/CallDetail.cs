using KeySell.Domain.Calls;

namespace KeySell.Application.Calls;

/// <summary>
/// A call as the API shows it; <see cref="Id"/> is its sheet id (<c>c1</c>), <see cref="With"/> influence ids. Exactly the
/// fields a save takes, so what was read can be sent back.
/// </summary>
public sealed record CallDetail(
    string Id,
    DateOnly Date,
    IReadOnlyList<string> With,
    CallStatus Status,
    string? Commitment,
    IReadOnlyList<CallQuestion> Questions,
    CallOutcome? Outcome,
    string? Notes,
    int Version)
{
    public static CallDetail From(Call c) =>
        new(c.Key, c.Date, [.. c.With], c.Status, c.Commitment, [.. c.Questions], c.Outcome, c.Notes, c.Version);
}
