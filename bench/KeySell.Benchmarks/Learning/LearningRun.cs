using System.Diagnostics;
using KeySell.Application;
using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Identity;
using KeySell.Application.Learning;
using KeySell.Domain.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KeySell.Benchmarks.Learning;

/// <summary>
/// <c>learning FILE [RUNS]</c>: the learning use cases on a generated database (a copy: it is migrated, and the answers
/// are written), as the busiest seller and as an admin: the self-checks' list (2-1 picks a deal with roles mapped), today's
/// drill (the deals judged to find five questions), a drill answer, and progress. Median and max of RUNS (default 20)
/// after 2 warm-ups, each in a fresh DI scope as a request is.
/// </summary>
public static class LearningRun
{
    public static async Task<int> RunAsync(string file, int runs)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            [new("ConnectionStrings:KeySell", $"Data Source={file}"), new("KeySell:Database:Provider", "sqlite")]).Build();
        var caller = new Acting();
        var services = new ServiceCollection();
        services.AddKeySellData(configuration);
        services.AddKeySellHandlers();
        services.AddKeySellUsers();
        services.AddSingleton<ICurrentUser>(caller);
        await using var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Database.SetCommandTimeout(600);
            await db.Database.MigrateAsync();
        }

        (string Id, Guid? Colleague, Role Role) seller, admin;
        await using (var scope = provider.CreateAsyncScope())
        {
            // The caller starts as an admin without a user: every deal is read. The seller who owns the most deals.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Database.SetCommandTimeout(600);
            var busiest = await (from o in db.Opportunities
                                 join u in db.Users on o.OwnerId equals u.ColleagueId
                                 where u.Role == Role.Seller
                                 group o by u.Id into g
                                 orderby g.Count() descending
                                 select g.Key).FirstAsync();
            var s = await db.Users.Where(u => u.Id == busiest).Select(u => new { u.Id, u.ColleagueId, u.Role }).SingleAsync();
            var a = await db.Users.Where(u => u.Role == Role.Admin).OrderBy(u => u.Email).Select(u => new { u.Id, u.ColleagueId, u.Role }).FirstAsync();
            (seller, admin) = ((s.Id, s.ColleagueId, s.Role), (a.Id, a.ColleagueId, a.Role));
        }

        foreach (var (who, user) in new[] { ("busiest seller", seller), ("admin", admin) })
        {
            caller.Set(user.Id, user.Colleague, user.Role);
            Console.WriteLine($"== {who} ({user.Role})");
            await TimeAsync("ListSelfChecks", runs, sp => sp.GetRequiredService<ListSelfChecks.Handler>().Handle(new ListSelfChecks.Query(), default));
            var drill = await TimeAsync("GetDrill", runs, sp => sp.GetRequiredService<GetDrill.Handler>().Handle(new GetDrill.Query(), default));
            var question = drill.Value.Questions.FirstOrDefault(q => q.Topic == "funnel-level") ?? drill.Value.Questions.First();
            Console.WriteLine($"   drill: {drill.Value.Questions.Count} questions on {drill.Value.Questions.Select(q => q.OpportunityId).Distinct().Count()} deals");
            await TimeAsync("AnswerDrill", runs, sp => sp.GetRequiredService<AnswerDrill.Handler>().Handle(
                new AnswerDrill.Command(question.Id, question.Choices[0].Id, question.Receptiveness?[0].Id), default));
            await TimeAsync("GetProgress", runs, sp => sp.GetRequiredService<GetProgress.Handler>().Handle(new GetProgress.Query(), default));
            if (user.Role == Role.Admin)
                await TimeAsync("GetTeamProgress", runs, sp => sp.GetRequiredService<GetTeamProgress.Handler>().Handle(new GetTeamProgress.Query(), default));
        }
        return 0;

        async Task<Result<T>> TimeAsync<T>(string name, int count, Func<IServiceProvider, Task<Result<T>>> work)
        {
            var took = new List<double>();
            Result<T> last = default;
            for (var i = 0; i < count + 2; i++)
            {
                await using var scope = provider.CreateAsyncScope();
                var watch = Stopwatch.StartNew();
                last = await work(scope.ServiceProvider);
                if (i >= 2) took.Add(watch.Elapsed.TotalMilliseconds);
                if (!last.Succeeded) throw new InvalidOperationException($"{name}: {last.Error!.Message}");
            }
            took.Sort();
            Console.WriteLine($"   {name,-16} median {took[took.Count / 2],7:0.0} ms   max {took[^1],7:0.0} ms   ({count} runs)");
            return last;
        }
    }

    private sealed class Acting : ICurrentUser
    {
        public string Name => "bench:learning";
        public string? UserId { get; private set; }
        public Guid? ColleagueId { get; private set; }
        public Role? Role { get; private set; } = Domain.Teams.Role.Admin;

        public void Set(string userId, Guid? colleagueId, Role role) => (UserId, ColleagueId, Role) = (userId, colleagueId, role);
    }
}
