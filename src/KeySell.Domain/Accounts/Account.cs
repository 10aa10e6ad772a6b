using KeySell.Domain.Colleagues;
using KeySell.Domain.Common;
using KeySell.Domain.OrgCharts;

namespace KeySell.Domain.Accounts;

/// <summary>A key account: one company, possibly part of a group (集团) with subsidiaries.</summary>
public class Account : AuditedEntity, IRecyclable, IExternallyKnown
{
    public const int NameMaxLength = 200;
    public const int TextMaxLength = 100;

    public string Name { get; set; } = "";
    public string? Industry { get; set; }
    public string? Size { get; set; }
    public string? Region { get; set; }

    /// <summary>Weighted ideal-customer score (理想客户), −5…+5, or null when not rated.</summary>
    public decimal? IdealCustomerScore { get; set; }

    public Guid? ParentAccountId { get; set; }
    public Account? ParentAccount { get; set; }
    public List<Account> Subsidiaries { get; set; } = [];

    public List<AccountRelation> Relations { get; set; } = [];
    public List<Department> Departments { get; set; } = [];
    public List<Person> People { get; set; } = [];

    /// <summary>The colleague who owns the account; with the account team they keep its org chart.</summary>
    public Guid? OwnerId { get; set; }
    public Colleague? Owner { get; set; }
    public List<AccountTeamMember> Team { get; set; } = [];

    public string? ExternalSource { get; set; }
    public string? ExternalId { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }
    public string? DeletedBy { get; set; }
}
