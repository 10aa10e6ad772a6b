using KeySell.Application.Identity;
using KeySell.Domain.Accounts;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.RelationshipMap;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KeySell.Application.Data.Configurations;

internal sealed class PersonLineConfiguration : IEntityTypeConfiguration<PersonLine>
{
    public void Configure(EntityTypeBuilder<PersonLine> builder)
    {
        builder.ToTable("PersonLines");
        builder.ConfigureAudit();
        builder.Property(l => l.Note).HasMaxLength(PersonLine.NoteMaxLength);
        builder.HasOne<Account>().WithMany().HasForeignKey(l => l.AccountId).OnDelete(DeleteBehavior.Cascade);
        // Purging a person from the recycle bin takes their lines with them.
        builder.HasOne<Person>().WithMany().HasForeignKey(l => l.FromPersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(l => l.ToPersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.AccountId, l.FromPersonId, l.ToPersonId }).IsUnique();
    }
}

internal sealed class MapPositionConfiguration : IEntityTypeConfiguration<MapPosition>
{
    public void Configure(EntityTypeBuilder<MapPosition> builder)
    {
        builder.ToTable("MapPositions");
        builder.Property(p => p.UserId).HasMaxLength(450).IsRequired();
        // A user's view goes with the user, and a person's place with the person.
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.UserId, p.Kind, p.MapId, p.PersonId }).IsUnique();
    }
}
