namespace KeySell.Domain.Accounts;

/// <summary>
/// A user on the account team (客户小组) of a key account: they read the account and every deal at
/// it, and write the account's own records (org chart, group structure).
/// </summary>
public class AccountTeamMember
{
    public Guid AccountId { get; set; }
    public string UserId { get; set; } = "";
}
