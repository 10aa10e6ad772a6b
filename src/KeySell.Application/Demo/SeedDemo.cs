using KeySell.Application.Data;

namespace KeySell.Application.Demo;

/// <summary>Seeds the bilingual demo accounts, people and opportunities into a new database.</summary>
public static class SeedDemo
{
    /// <param name="OwnerColleagueId">Who owns the demo opportunities (the admin's colleague), so "my opportunities" is not empty.</param>
    public sealed record Command(Guid? OwnerColleagueId);

    public sealed record Outcome(int Accounts, int People, int Opportunities);

    public sealed class Handler(AppDbContext db)
    {
        public Task<Outcome> Handle(Command command, CancellationToken cancellationToken)
        {
            // TODO(demo-data helper): replace with the real seed.
            _ = db;
            return Task.FromResult(new Outcome(0, 0, 0));
        }
    }
}
