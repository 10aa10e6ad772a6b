using KeySell.Domain.Common;

namespace KeySell.Domain.OrgCharts;

/// <summary>Someone on the customer side, placed in the org chart by department and reports-to.</summary>
public class Person : AuditedEntity, IRecyclable, IExternallyKnown
{
    public const int NameMaxLength = 200;
    public const int TitleMaxLength = 200;
    public const int ContactMaxLength = 200;
    public const int NotesMaxLength = 4000;

    public Guid AccountId { get; set; }
    public string Name { get; set; } = "";
    public string? Title { get; set; }
    public Guid? DepartmentId { get; set; }
    public Department? Department { get; set; }
    public Guid? ReportsToId { get; set; }
    public Person? ReportsTo { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    /// <summary>What this person is responsible for.</summary>
    public string? Responsibilities { get; set; }
    /// <summary>What matters to them personally: style, preferences, family, interests.</summary>
    public string? Preferences { get; set; }
    public PersonStatus Status { get; set; } = PersonStatus.Active;
    /// <summary>How high they sit; the top officer (VITO) owns the result.</summary>
    public Seniority Seniority { get; set; } = Seniority.Unknown;

    public string? ExternalSource { get; set; }
    public string? ExternalId { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }
    public string? DeletedBy { get; set; }
}

public enum PersonStatus
{
    Active = 0,
    LeftCompany = 1,
    Moved = 2,
}
