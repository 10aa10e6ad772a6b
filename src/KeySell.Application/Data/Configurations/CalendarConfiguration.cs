using KeySell.Application.Calendar;
using KeySell.Application.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KeySell.Application.Data.Configurations;

internal sealed class CalendarLinkConfiguration : IEntityTypeConfiguration<CalendarLink>
{
    public void Configure(EntityTypeBuilder<CalendarLink> builder)
    {
        builder.ToTable("CalendarLinks");
        builder.ConfigureAudit();
        builder.Property(l => l.UserId).HasMaxLength(450).IsRequired();
        builder.Property(l => l.SecretHash).HasMaxLength(CalendarLink.HashBytes).IsRequired();
        // A user has one link; removing the user removes it.
        builder.HasOne<AppUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.UserId).IsUnique();
        // The feed finds its link by the hash of the secret it is given.
        builder.HasIndex(l => l.SecretHash).IsUnique();
    }
}
