using KeySell.Domain.Common;

namespace KeySell.Domain.Learning;

/// <summary>
/// One graded answer of one user: a self-check taken or a drill question answered. Append-only — progress is the record
/// of answers over time — and private to the user, the managers of their teams and admins.
/// </summary>
public class LearningResult : AuditedEntity
{
    public const int TopicMaxLength = 32;
    public const int ReferenceMaxLength = 80;

    /// <summary>The Identity user who answered.</summary>
    public string UserId { get; set; } = "";
    public LearningKind Kind { get; set; }
    /// <summary>A self-check's id (<c>1-1</c> … <c>4-1</c>) or a drill topic's id (<c>red-flag</c> …).</summary>
    public string Topic { get; set; } = "";
    /// <summary>The share right, 0…1, to four places.</summary>
    public decimal Score { get; set; }
    public DateTimeOffset TakenAt { get; set; }
    /// <summary>
    /// What the answer was about: the deal of a 2-1, the tree of a 3-1, the day and question of a drill
    /// (<c>2026-11-30/red-flag:…</c>, which makes a drill question count once a day).
    /// </summary>
    public string? Reference { get; set; }
}

/// <summary>Where an answer came from: one of the course's self-checks, or a drill from the user's own deals.</summary>
public enum LearningKind
{
    SelfCheck = 1,
    Drill = 2,
}

/// <summary>The course's four self-checks (自检), by the course's numbers.</summary>
public static class SelfChecks
{
    public const string BoardingPoint = "1-1";
    public const string OrgChartContacts = "2-1";
    public const string NeedsTree = "3-1";
    public const string WinCriteria = "4-1";

    public static IReadOnlyList<string> Ids { get; } = [BoardingPoint, OrgChartContacts, NeedsTree, WinCriteria];
}
