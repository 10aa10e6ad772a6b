using KeySell.Application.Data;
using KeySell.Application.Identity;
using KeySell.Domain.Colleagues;
using KeySell.Domain.Teams;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Demo;

/// <summary>
/// Gives the demo a team to sign in as, so a newcomer sees what each role sees: Chen Ming sells in
/// East China (the ECS deals), Wang Lei in South China (Jiangnan Auto), Zhao Qing manages East
/// China, Sun Hao reads East China's deals as a viewer. Runs after <see cref="SeedDemo"/> on a new
/// database; returns the sign-ins with passwords generated for this database, to be shown once.
/// </summary>
public static class SeedDemoTeam
{
    public const string EastChina = "华东大客户部 East China Key Accounts";
    public const string SouthChina = "华南大客户部 South China Key Accounts";
    private const string SouthChinaAccount = "jiangnan-auto";

    public sealed record Command;

    public sealed record SignIn(string Email, string Name, Role Role, string Team, string Password);

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users)
    {
        public async Task<IReadOnlyList<SignIn>> Handle(Command command, CancellationToken ct)
        {
            // Only on the demo, and only once.
            if (await db.Teams.AnyAsync(ct) || !await db.Colleagues.AnyAsync(c => c.Email == "chen.ming@cloudrise.example.com", ct)) return [];

            var wangLei = db.Colleagues.Add(new Colleague { Name = "王磊 Wang Lei", Title = "客户经理 Account Manager", Email = "wang.lei@cloudrise.example.com" }).Entity;
            await db.SaveChangesAsync(ct);

            var east = db.Teams.Add(new Team { Name = EastChina }).Entity;
            var south = db.Teams.Add(new Team { Name = SouthChina }).Entity;
            var signIns = new List<SignIn>();
            foreach (var (email, role, team, manager) in new[]
                     {
                         ("chen.ming@cloudrise.example.com", Role.Seller, east, false),
                         ("zhao.qing@cloudrise.example.com", Role.Manager, east, true),
                         ("sun.hao@cloudrise.example.com", Role.Viewer, east, false),
                         ("wang.lei@cloudrise.example.com", Role.Seller, south, false),
                     })
            {
                var colleague = await db.Colleagues.FirstAsync(c => c.Email == email, ct);
                var password = GeneratedPasswords.New();
                var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, ColleagueId = colleague.Id, Role = role, LockoutEnabled = true };
                var created = await users.CreateAsync(user, password);
                if (!created.Succeeded) throw new InvalidOperationException("Cannot create the demo user " + email + ": " + string.Join(" ", created.Errors.Select(e => e.Description)));
                team.Members.Add(new TeamMember { UserId = user.Id, Manager = manager });
                signIns.Add(new SignIn(email, colleague.Name, role, team.Name, password));
            }

            // Jiangnan Auto and its deal move to South China's seller.
            var jiangnan = DemoAccounts.Accounts.Single(a => a.Key == SouthChinaAccount).Name;
            foreach (var account in await db.Accounts.Where(a => a.Name == jiangnan).ToListAsync(ct)) account.OwnerId = wangLei.Id;
            foreach (var deal in await db.Opportunities.Where(o => o.Account!.Name == jiangnan).ToListAsync(ct)) deal.OwnerId = wangLei.Id;
            await db.SaveChangesAsync(ct);
            return signIns;
        }
    }
}
