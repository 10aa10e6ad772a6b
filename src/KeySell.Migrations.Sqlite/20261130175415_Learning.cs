using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KeySell.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Learning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SellingToolkit added People.Seniority with '' for the people already there, which is no seniority id:
            // reading them failed. They are people nobody has placed yet.
            migrationBuilder.Sql("UPDATE \"People\" SET \"Seniority\" = 'unknown' WHERE \"Seniority\" = '';");

            migrationBuilder.CreateTable(
                name: "LearningResults",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Score = table.Column<decimal>(type: "TEXT", precision: 5, scale: 4, nullable: false),
                    TakenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LearningResults_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LearningResults_UserId_Reference",
                table: "LearningResults",
                columns: new[] { "UserId", "Reference" },
                unique: true,
                filter: "\"Kind\" = 'drill'");

            migrationBuilder.CreateIndex(
                name: "IX_LearningResults_UserId_Topic_TakenAt",
                table: "LearningResults",
                columns: new[] { "UserId", "Topic", "TakenAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LearningResults");
        }
    }
}
