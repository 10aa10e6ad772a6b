using System.Diagnostics;
using KeySell.Application.Data;
using KeySell.Application.Identity;
using KeySell.Application.Quotas;
using KeySell.Cli;
using KeySell.Domain.Opportunities;
using KeySell.Domain.Quotas;
using KeySell.Domain.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KeySell.Benchmarks.Quotas;

/// <summary>
/// <c>coverage FILE</c>: the coverage of the busiest sellers of a generated database (a copy: it is
/// migrated and written). Gives the ten owners with most deals a user, one team and a quota for the
/// year most of the first one's deals close in, then times <c>GetCoverage</c> for the busiest and
/// <c>ForMembersAsync</c> for the ten (the manager's review), as the operator (admin rights).
/// </summary>
public static class CoverageRun
{
    public static async Task<int> RunAsync(string file)
    {
        var host = new CliHost([new("ConnectionStrings:KeySell", $"Data Source={file}"), new("KeySell:Database:Provider", "sqlite")]);
        return await host.RunAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            db.Database.SetCommandTimeout(600);
            await db.Database.MigrateAsync();
            var owners = await db.Opportunities.Where(o => o.OwnerId != null).GroupBy(o => o.OwnerId!.Value)
                .Select(g => new { Owner = g.Key, Deals = g.Count() }).OrderByDescending(g => g.Deals).Take(10).ToListAsync();
            var top = owners[0].Owner;
            var year = (await db.Opportunities.Where(o => o.OwnerId == top && o.Objective.CloseDate != null)
                .Select(o => o.Objective.CloseDate!.Value).ToListAsync()).GroupBy(d => d.Year).MaxBy(g => g.Count())!.Key;
            var period = QuotaPeriod.Parse($"{year}").Value;
            Console.WriteLine($"{await db.Opportunities.CountAsync()} deals; busiest owners {string.Join(", ", owners.Select(o => o.Deals))} deals; period {period.Text}");

            var users = new List<string>();
            foreach (var owner in owners)
            {
                var user = await db.Users.FirstOrDefaultAsync(u => u.ColleagueId == owner.Owner);
                if (user is null)
                {
                    var name = $"bench.{owner.Owner:N}@keysell.test";
                    user = new AppUser { UserName = name, Email = name, NormalizedEmail = name.ToUpperInvariant(), NormalizedUserName = name.ToUpperInvariant(), ColleagueId = owner.Owner, Role = Role.Seller };
                    db.Users.Add(user);
                }
                users.Add(user.Id);
            }
            var team = new Team { Name = $"Coverage bench {Guid.NewGuid():N}" };
            team.Members.AddRange(users.Select(u => new TeamMember { TeamId = team.Id, UserId = u }));
            db.Teams.Add(team);
            foreach (var user in users.Where(u => !db.Quotas.Any(q => q.UserId == u && q.Period == period.Text)))
                db.Quotas.Add(new Quota { UserId = user, Period = period.Text, Amount = 50_000_000m });
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();

            var coverage = services.GetRequiredService<GetCoverage.Handler>();
            var first = await Time(() => coverage.Handle(new GetCoverage.Query(users[0], period.Text), default));
            var sheet = first.Result.Value;
            Console.WriteLine($"GetCoverage, first call: {first.Elapsed.TotalMilliseconds:0} ms; won {sheet.Won:N0}, weighted {sheet.Weighted:N0}, coverage {sheet.Coverage}, rates from {sheet.RatesFrom} ({sheet.WinRates.Above}/{sheet.WinRates.In}/{sheet.WinRates.BestFew}), typical {sheet.TypicalDeal:N0}");
            var runs = new List<double>();
            for (var i = 0; i < 5; i++) runs.Add((await Time(() => coverage.Handle(new GetCoverage.Query(users[0], period.Text), default))).Elapsed.TotalMilliseconds);
            Console.WriteLine($"GetCoverage for the busiest seller ({owners[0].Deals} deals), 5 runs: median {runs.Order().ElementAt(2):0} ms (min {runs.Min():0}, max {runs.Max():0})");

            runs.Clear();
            for (var i = 0; i < 3; i++) runs.Add((await Time(() => db.ForMembersAsync(users, period, default))).Elapsed.TotalMilliseconds);
            Console.WriteLine($"ForMembersAsync for a team of {users.Count} busiest sellers, 3 runs: median {runs.Order().ElementAt(1):0} ms (min {runs.Min():0}, max {runs.Max():0})");
            return 0;
        });
    }

    private static async Task<(T Result, TimeSpan Elapsed)> Time<T>(Func<Task<T>> work)
    {
        var watch = Stopwatch.StartNew();
        var result = await work();
        return (result, watch.Elapsed);
    }
}
