using KeySell.Domain.Common;

namespace KeySell.Domain.Accounts;

/// <summary>
/// One of the team's weighted ideal-customer criteria (industry fit, size, budget…). A default one
/// carries its <see cref="DefaultKey"/>; while its name (or description) is null, readers show the
/// default's words in their own language, and once someone types a name that text is shown as typed.
/// </summary>
public class FitCriterion : AuditedEntity
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 500;
    public const int MinWeight = 1;
    public const int MaxWeight = 10;
    /// <summary>A profile a seller can still rate on one screen.</summary>
    public const int MaxCount = 30;

    public string? DefaultKey { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public int Weight { get; set; } = 1;
    /// <summary>Where it stands in the team's list (the order the PUT gave).</summary>
    public int Position { get; set; }

    /// <summary>The five a new database starts with (the contract), each weight 1, with stable ids so a rating can name them before they are stored.</summary>
    public static readonly IReadOnlyList<(string Key, Guid Id)> Defaults =
    [
        ("industry-fit", new Guid("1dea1000-0000-4000-8000-000000000001")),
        ("size", new Guid("1dea1000-0000-4000-8000-000000000002")),
        ("budget", new Guid("1dea1000-0000-4000-8000-000000000003")),
        ("culture", new Guid("1dea1000-0000-4000-8000-000000000004")),
        ("openness-to-change", new Guid("1dea1000-0000-4000-8000-000000000005")),
    ];

    public static List<FitCriterion> NewDefaults() =>
        [.. Defaults.Select((d, i) => new FitCriterion { Id = d.Id, DefaultKey = d.Key, Weight = 1, Position = i })];
}
