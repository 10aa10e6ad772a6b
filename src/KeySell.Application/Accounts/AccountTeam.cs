using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Accounts;

public sealed record AccountTeamMemberDetail(string UserId, string Name);

public sealed record AccountTeamDetail(Guid AccountId, IReadOnlyList<AccountTeamMemberDetail> Members);

/// <summary>The account team (客户小组): users who read the account and its deals and keep its org chart.</summary>
public static class GetAccountTeam
{
    public sealed record Query(Guid AccountId);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<AccountTeamDetail>> Handle(Query query, CancellationToken ct) =>
            await db.Accounts.AnyAsync(a => a.Id == query.AccountId, ct)
                ? await LoadAsync(db, query.AccountId, ct)
                : Versions.NotFound("account", query.AccountId);
    }

    internal static async Task<AccountTeamDetail> LoadAsync(AppDbContext db, Guid accountId, CancellationToken ct)
    {
        var members = await (from m in db.AccountTeamMembers
                             where m.AccountId == accountId
                             join u in db.Users on m.UserId equals u.Id
                             join c in db.Colleagues on u.ColleagueId equals c.Id into colleagues
                             from c in colleagues.DefaultIfEmpty()
                             select new AccountTeamMemberDetail(m.UserId, c != null ? c.Name : u.Email!)).ToListAsync(ct);
        return new AccountTeamDetail(accountId, members.OrderBy(m => m.Name, StringComparer.CurrentCulture).ToList());
    }
}

/// <summary>Replaces the account team; whoever may write the account may change it.</summary>
public static class SetAccountTeam
{
    public const int MaxMembers = 200;

    public sealed record Command(Guid AccountId, IReadOnlyList<string>? UserIds);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<AccountTeamDetail>> Handle(Command command, CancellationToken ct)
        {
            if (!await db.Accounts.AnyAsync(a => a.Id == command.AccountId, ct)) return Versions.NotFound("account", command.AccountId);
            if (!await db.MayWriteAccountAsync(command.AccountId, ct)) return Error.Forbidden(Messages.Format("Access.ReadOnly"));
            var validation = new Validation();
            var ids = command.UserIds ?? [];
            if (command.UserIds is null) validation.Add("userIds", Messages.Format("Required"));
            if (ids.Count > MaxMembers) validation.Add("userIds", Messages.Format("TooMany", MaxMembers));
            var wanted = ids.Where(i => !string.IsNullOrWhiteSpace(i)).Distinct(StringComparer.Ordinal).ToList();
            var known = await db.Users.Where(u => wanted.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
            for (var i = 0; i < ids.Count && ids.Count <= MaxMembers; i++)
            {
                if (string.IsNullOrWhiteSpace(ids[i])) validation.Add($"userIds[{i}]", Messages.Format("Required"));
                else if (!known.Contains(ids[i])) validation.Add($"userIds[{i}]", Messages.Format("ReferenceMissing", Messages.Format("Entity.user"), ids[i]));
            }
            if (validation.HasErrors) return validation.ToError();

            var current = await db.AccountTeamMembers.Where(m => m.AccountId == command.AccountId).ToListAsync(ct);
            db.AccountTeamMembers.RemoveRange(current.Where(m => !wanted.Contains(m.UserId)));
            db.AccountTeamMembers.AddRange(wanted.Where(id => current.All(m => m.UserId != id))
                .Select(id => new AccountTeamMember { AccountId = command.AccountId, UserId = id }));
            if (await db.SaveOrConflictAsync(ct) is { } refused) return refused;
            return await GetAccountTeam.LoadAsync(db, command.AccountId, ct);
        }
    }
}
