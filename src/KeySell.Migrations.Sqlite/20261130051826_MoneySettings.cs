using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KeySell.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MoneySettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CurrencyRates",
                columns: table => new
                {
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    RateToBase = table.Column<decimal>(type: "TEXT", precision: 28, scale: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CurrencyRates", x => x.Currency);
                });

            migrationBuilder.CreateTable(
                name: "TeamSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    BaseCurrency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    WinRateAbove = table.Column<decimal>(type: "TEXT", precision: 5, scale: 4, nullable: false),
                    WinRateIn = table.Column<decimal>(type: "TEXT", precision: 5, scale: 4, nullable: false),
                    WinRateBestFew = table.Column<decimal>(type: "TEXT", precision: 5, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamSettings", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CurrencyRates");

            migrationBuilder.DropTable(
                name: "TeamSettings");
        }
    }
}
