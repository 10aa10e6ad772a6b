using KeySell.Domain.Money;
using KeySell.Domain.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KeySell.Application.Data.Configurations;

internal sealed class CurrencyRateConfiguration : IEntityTypeConfiguration<CurrencyRate>
{
    public void Configure(EntityTypeBuilder<CurrencyRate> builder)
    {
        builder.HasKey(r => r.Currency);
        builder.Property(r => r.Currency).HasMaxLength(3);
        // Rates such as 0.0000712 (one KRW in USD) need more places than amounts do.
        builder.Property(r => r.RateToBase).HasPrecision(28, 10);
    }
}

internal sealed class TeamSettingsConfiguration : IEntityTypeConfiguration<TeamSettings>
{
    public void Configure(EntityTypeBuilder<TeamSettings> builder)
    {
        builder.ToTable("TeamSettings");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.BaseCurrency).HasMaxLength(3).IsRequired();
        builder.Property(s => s.WinRateAbove).HasPrecision(5, 4);
        builder.Property(s => s.WinRateIn).HasPrecision(5, 4);
        builder.Property(s => s.WinRateBestFew).HasPrecision(5, 4);
        // No seeded row: a new database is empty (import-all and restore rely on that). Readers take
        // the contract's defaults while the row is missing; the first save adds it.
    }
}
