using KeySell.Domain.Common;

namespace KeySell.Domain.Accounts;

/// <summary>How an account does on one criterion: −5…+5, or unrated (null) with only a note.</summary>
public class FitRating : AuditedEntity
{
    public const int MinRating = -5;
    public const int MaxRating = 5;
    public const int NoteMaxLength = 500;

    public Guid AccountId { get; set; }
    public Guid CriterionId { get; set; }
    public FitCriterion? Criterion { get; set; }
    public int? Rating { get; set; }
    public string? Note { get; set; }
}
