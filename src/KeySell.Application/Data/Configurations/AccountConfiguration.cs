using KeySell.Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KeySell.Application.Data.Configurations;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.ConfigureAudit();
        builder.Property(a => a.Name).HasMaxLength(Account.NameMaxLength).IsRequired();
        builder.Property(a => a.Industry).HasMaxLength(Account.TextMaxLength);
        builder.Property(a => a.Size).HasMaxLength(Account.TextMaxLength);
        builder.Property(a => a.Region).HasMaxLength(Account.TextMaxLength);
        // One decimal, as the formula gives it (decision 0017); PostgreSQL then reads back 2.5, not 2.50.
        builder.Property(a => a.IdealCustomerScore).HasPrecision(3, 1);
        // The account list pages by (Name, Id) among the accounts not in the recycle bin (decision 0012).
        builder.HasIndex(a => new { a.Name, a.Id }).HasFilter(OpportunityConfiguration.LiveRows);
        builder.HasIndex(a => a.DeletedAt).HasFilter(OpportunityConfiguration.BinnedRows);
        builder.HasOne(a => a.ParentAccount).WithMany(a => a.Subsidiaries)
            .HasForeignKey(a => a.ParentAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Relations).WithOne().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Departments).WithOne().HasForeignKey(d => d.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.People).WithOne().HasForeignKey(p => p.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Team).WithOne().HasForeignKey(m => m.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Owner).WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(a => a.DeletedBy).HasMaxLength(256);
        builder.HasIndex(a => a.OwnerId);
        builder.ConfigureExternalId();
    }
}

internal sealed class AccountRelationConfiguration : IEntityTypeConfiguration<AccountRelation>
{
    public void Configure(EntityTypeBuilder<AccountRelation> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasOne(r => r.RelatedAccount).WithMany().HasForeignKey(r => r.RelatedAccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.AccountId, r.RelatedAccountId }).IsUnique();
    }
}
