using KeySell.Application.Identity;
using KeySell.Domain.Accounts;
using KeySell.Domain.Opportunities;
using KeySell.Domain.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KeySell.Application.Data.Configurations;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.ConfigureAudit();
        builder.Property(t => t.Name).HasMaxLength(Team.NameMaxLength).IsRequired();
        builder.HasIndex(t => t.Name).IsUnique();
        builder.HasMany(t => t.Members).WithOne().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> builder)
    {
        builder.HasKey(m => new { m.TeamId, m.UserId });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        // The access rules look up "my teams" on every query.
        builder.HasIndex(m => new { m.UserId, m.TeamId });
    }
}

internal sealed class OpportunityShareConfiguration : IEntityTypeConfiguration<OpportunityShare>
{
    public void Configure(EntityTypeBuilder<OpportunityShare> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Team>().WithMany().HasForeignKey(s => s.TeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.OpportunityId, s.UserId, s.TeamId }).IsUnique();
        builder.HasIndex(s => s.UserId);
        builder.HasIndex(s => s.TeamId);
    }
}

internal sealed class AccountTeamMemberConfiguration : IEntityTypeConfiguration<AccountTeamMember>
{
    public void Configure(EntityTypeBuilder<AccountTeamMember> builder)
    {
        builder.HasKey(m => new { m.AccountId, m.UserId });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.UserId, m.AccountId });
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.HasIndex(u => u.ColleagueId);
        // The user list pages by (Email, Id).
        builder.HasIndex(u => new { u.Email, u.Id });
    }
}
