using KeySell.Application.Calls;
using KeySell.Domain.Calls;
using KeySell.Domain.Sheets;

namespace KeySell.Web.Components.Calls;

/// <summary>One call as the seller is planning or recording it on the sheet.</summary>
public sealed class CallDraft
{
    public string Key { get; set; } = "";
    public int Version { get; set; }
    public DateOnly Date { get; set; }
    public List<string> With { get; set; } = [];
    public CallStatus Status { get; set; }
    public string? Commitment { get; set; }
    public List<QuestionDraft> Questions { get; set; } = [];
    public CallOutcome? Outcome { get; set; }
    public string? Notes { get; set; }

    public static CallDraft From(CallDetail c) => new()
    {
        Key = c.Id,
        Version = c.Version,
        Date = c.Date,
        With = [.. c.With],
        Status = c.Status,
        Commitment = c.Commitment,
        Questions = c.Questions.Select(q => new QuestionDraft { Type = q.Type, Text = q.Text }).ToList(),
        Outcome = c.Outcome,
        Notes = c.Notes,
    };

    /// <summary>The call in the method's own form, as the engine judges it.</summary>
    public SheetCall ToSheet() =>
        new(Key, Date, [.. With], Status, Commitment, Questions.Where(q => q.Text.Length > 0).Select(q => new CallQuestion(q.Type, q.Text)).ToList(), Outcome, Notes);
}

public sealed class QuestionDraft
{
    public SpinType Type { get; set; }
    public string Text { get; set; } = "";
}
