using KeySell.Application.Access;
using KeySell.Application.Calendar;
using KeySell.Application.Common;
using KeySell.Application.History;
using KeySell.Application.Identity;
using KeySell.Application.Retries;
using KeySell.Application.Security;
using KeySell.Domain.Accounts;
using KeySell.Domain.Actions;
using KeySell.Domain.Calls;
using KeySell.Domain.Needs;
using KeySell.Domain.Process;
using KeySell.Domain.Swot;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Colleagues;
using KeySell.Domain.Imports;
using KeySell.Domain.Money;
using KeySell.Domain.Common;
using KeySell.Domain.Funnel;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.Reviews;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.Quotas;
using KeySell.Domain.RelationshipMap;
using KeySell.Domain.RedFlags;
using KeySell.Domain.Strengths;
using KeySell.Domain.Teams;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Data;

/// <summary>
/// The database as one caller sees it: the access rules and the recycle bin are query filters
/// (<see cref="AppDbContext"/>'s Access part), every write is checked against the same rules and
/// written to the history before it is saved.
/// </summary>
public partial class AppDbContext(DbContextOptions<AppDbContext> options, TimeProvider time, ICurrentUser caller)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<AccountRelation> AccountRelations => Set<AccountRelation>();
    public DbSet<AccountTeamMember> AccountTeamMembers => Set<AccountTeamMember>();
    public DbSet<FitCriterion> FitCriteria => Set<FitCriterion>();
    public DbSet<FitRating> FitRatings => Set<FitRating>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Colleague> Colleagues => Set<Colleague>();
    public DbSet<Opportunity> Opportunities => Set<Opportunity>();
    public DbSet<OpportunityShare> OpportunityShares => Set<OpportunityShare>();
    public DbSet<BuyingInfluence> BuyingInfluences => Set<BuyingInfluence>();
    public DbSet<Strength> Strengths => Set<Strength>();
    public DbSet<ManualRedFlag> ManualRedFlags => Set<ManualRedFlag>();
    public DbSet<Objection> Objections => Set<Objection>();
    public DbSet<ProcessMilestone> Milestones => Set<ProcessMilestone>();
    public DbSet<Call> Calls => Set<Call>();
    public DbSet<SellingAction> Actions => Set<SellingAction>();
    public DbSet<NeedsAnalysis> NeedsAnalyses => Set<NeedsAnalysis>();
    public DbSet<NeedNode> NeedNodes => Set<NeedNode>();
    public DbSet<SwotAnalysis> Swots => Set<SwotAnalysis>();
    public DbSet<InfluenceLine> InfluenceLines => Set<InfluenceLine>();
    public DbSet<PersonLine> PersonLines => Set<PersonLine>();
    public DbSet<MapPosition> MapPositions => Set<MapPosition>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();
    public DbSet<ChangeRecord> ChangeRecords => Set<ChangeRecord>();
    public DbSet<FunnelChange> FunnelChanges => Set<FunnelChange>();
    public DbSet<AnalysisSummary> AnalysisSummaries => Set<AnalysisSummary>();
    public DbSet<TeamSettings> TeamSettings => Set<TeamSettings>();
    public DbSet<CurrencyRate> CurrencyRates => Set<CurrencyRate>();
    public DbSet<Review> Reviews => Set<Review>();
    public DbSet<Quota> Quotas => Set<Quota>();
    public DbSet<KeySell.Domain.Learning.LearningResult> LearningResults => Set<KeySell.Domain.Learning.LearningResult>();
    // Shared keys let several app servers behind a load balancer read each other's cookies and tokens.
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();
    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();
    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();
    public DbSet<ImportMapping> ImportMappings => Set<ImportMapping>();
    public DbSet<CalendarLink> CalendarLinks => Set<CalendarLink>();

    /// <summary>Who this context works for: the access rules, owners of new records and the history use it.</summary>
    public ICurrentUser Caller => caller;

    public TimeProvider Time => time;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        ApplyAccessRules(builder);
        if (Database.IsSqlite()) SqliteMoments.Apply(builder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // Every enum of the method is stored as its stable id ("even-keel"), never as a number, so a
        // new enum needs no line here. Flags (buying roles) are a set and keep their own mapping.
        foreach (var type in typeof(AuditedEntity).Assembly.GetTypes().Where(t => t.IsEnum && !t.IsDefined(typeof(FlagsAttribute), false)))
        {
            configuration.Properties(type)
                .HaveConversion(typeof(MethodIdConverter<>).MakeGenericType(type))
                .HaveMaxLength(32);
        }
    }

    /// <summary>
    /// Only the framework's own bookkeeping (data-protection keys) saves synchronously; a record of
    /// the method must go through the asynchronous save, whose access check reads the database.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (ChangeTracker.Entries().Any(e => e.State != EntityState.Unchanged && e.Entity is not DataProtectionKey))
            throw new NotSupportedException("KeySell saves records asynchronously: the access check before a save reads the database.");
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        Audit();
        RecordFunnelChanges();
        await WriteGuard.CheckAsync(this, cancellationToken);
        return await SaveWithSummariesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Stamps who and when, and raises the version. The version is the concurrency token, so an
    /// update whose original version is no longer in the database affects no row and fails.
    /// </summary>
    private void Audit()
    {
        var now = time.GetUtcNow();
        foreach (var entry in ChangeTracker.Entries<AuditedEntity>())
        {
            switch (entry.State)
            {
                // A new record is saved as it is then, so plain assignment is enough.
                case EntityState.Added:
                    entry.Entity.CreatedAt = entry.Entity.UpdatedAt = now;
                    entry.Entity.CreatedBy = entry.Entity.UpdatedBy = caller.Name;
                    entry.Entity.Version = 1;
                    break;
                // A changed one through the entry, so the stamps are saved even when a bulk writer (an
                // import) has turned automatic change detection off.
                case EntityState.Modified:
                    entry.Property(e => e.UpdatedAt).CurrentValue = now;
                    entry.Property(e => e.UpdatedBy).CurrentValue = caller.Name;
                    entry.Property(e => e.Version).CurrentValue = entry.Property(e => e.Version).OriginalValue + 1;
                    break;
            }
        }
    }
}
