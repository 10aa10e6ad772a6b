using KeySell.Domain.Colleagues;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KeySell.Application.Data.Configurations;

internal sealed class ColleagueConfiguration : IEntityTypeConfiguration<Colleague>
{
    public void Configure(EntityTypeBuilder<Colleague> builder)
    {
        builder.ConfigureAudit();
        builder.Property(c => c.Name).HasMaxLength(Colleague.NameMaxLength).IsRequired();
        builder.Property(c => c.Title).HasMaxLength(Colleague.NameMaxLength);
        builder.Property(c => c.Email).HasMaxLength(256);
        builder.HasIndex(c => new { c.Name, c.Id });
    }
}
