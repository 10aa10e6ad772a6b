using KeySell.Application.Common;
using KeySell.Application.Identity;
using KeySell.Application.Security;
using KeySell.Domain.Accounts;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Colleagues;
using KeySell.Domain.Common;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.RedFlags;
using KeySell.Domain.Strengths;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options, TimeProvider time, IActor actor)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<AccountRelation> AccountRelations => Set<AccountRelation>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Colleague> Colleagues => Set<Colleague>();
    public DbSet<Opportunity> Opportunities => Set<Opportunity>();
    public DbSet<BuyingInfluence> BuyingInfluences => Set<BuyingInfluence>();
    public DbSet<Strength> Strengths => Set<Strength>();
    public DbSet<ManualRedFlag> ManualRedFlags => Set<ManualRedFlag>();
    public DbSet<Objection> Objections => Set<Objection>();
    // Shared keys let several app servers behind a load balancer read each other's cookies and tokens.
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        configuration.Properties<RelationType>().HaveConversion<MethodIdConverter<RelationType>>().HaveMaxLength(32);
        configuration.Properties<PersonStatus>().HaveConversion<MethodIdConverter<PersonStatus>>().HaveMaxLength(32);
        configuration.Properties<Engagement>().HaveConversion<MethodIdConverter<Engagement>>().HaveMaxLength(32);
        configuration.Properties<FunnelLevel>().HaveConversion<MethodIdConverter<FunnelLevel>>().HaveMaxLength(32);
        configuration.Properties<ExpectedOutcome>().HaveConversion<MethodIdConverter<ExpectedOutcome>>().HaveMaxLength(32);
        configuration.Properties<InfluenceLevel>().HaveConversion<MethodIdConverter<InfluenceLevel>>().HaveMaxLength(32);
        configuration.Properties<ContactLevel>().HaveConversion<MethodIdConverter<ContactLevel>>().HaveMaxLength(32);
        configuration.Properties<ResponseMode>().HaveConversion<MethodIdConverter<ResponseMode>>().HaveMaxLength(32);
        configuration.Properties<ObjectionStatus>().HaveConversion<MethodIdConverter<ObjectionStatus>>().HaveMaxLength(32);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        Audit();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        Audit();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
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
                case EntityState.Added:
                    entry.Entity.CreatedAt = entry.Entity.UpdatedAt = now;
                    entry.Entity.CreatedBy = entry.Entity.UpdatedBy = actor.Name;
                    entry.Entity.Version = 1;
                    break;
                case EntityState.Modified:
                    entry.Entity.UpdatedAt = now;
                    entry.Entity.UpdatedBy = actor.Name;
                    entry.Entity.Version = entry.Property(e => e.Version).OriginalValue + 1;
                    break;
            }
        }
    }
}
