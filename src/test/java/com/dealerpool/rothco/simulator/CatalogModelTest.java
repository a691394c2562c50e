package com.dealerpool.rothco.simulator;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogModelTest {

    private static final Pattern QUANTITY = Pattern.compile("\\d+|99\\+");
    private static final Set<String> ALL_BRANDS = CatalogModel.arpBrandNames();

    private final CatalogModel model = new CatalogModel(42L, 10_000);

    @Test
    void universeHasExactVariantCount() {
        CatalogUniverse universe = model.universe();

        int sum = 0;
        for (int line = 0; line < universe.productLineCount(); line++) {
            assertThat(universe.variantCount(line)).as("variants of line %d", line).isBetween(1, 10);
            sum += universe.variantCount(line);
        }

        assertThat(sum).isEqualTo(10_000);
        assertThat(universe.productLineCount()).as("about 2,000 product lines").isBetween(1_600, 2_200);
    }

    @Test
    void samePagesForSameSeed() {
        CatalogModel twin = new CatalogModel(42L, 10_000);

        assertThat(twin.snapshot(3, Set.of()).catalogPage(5, 100))
                .isEqualTo(model.snapshot(3, Set.of()).catalogPage(5, 100));
    }

    @Test
    void otherSeedGivesOtherCatalog() {
        CatalogModel other = new CatalogModel(7L, 10_000);

        assertThat(other.snapshot(0, Set.of()).catalogPage(1, 50))
                .isNotEqualTo(model.snapshot(0, Set.of()).catalogPage(1, 50));
    }

    @Test
    void restrictedLinesHiddenWithoutEnrollment() {
        CatalogSnapshot plain = model.snapshot(0, Set.of());
        CatalogSnapshot enrolled = model.snapshot(0, ALL_BRANDS);

        List<SimulatedProductLine> plainLines = plain.catalogPage(1, plain.totalProductLines());
        List<SimulatedProductLine> enrolledLines = enrolled.catalogPage(1, enrolled.totalProductLines());

        assertThat(plainLines).as("lines without enrollment").noneMatch(SimulatedProductLine::restricted);
        long restricted = enrolledLines.stream().filter(SimulatedProductLine::restricted).count();
        assertThat(restricted).as("restricted lines, about 5%").isBetween(enrolledLines.size() * 2L / 100,
                enrolledLines.size() * 9L / 100);
        assertThat(enrolled.totalProductLines()).isEqualTo(plain.totalProductLines() + restricted);
        assertThat(enrolledLines).filteredOn(SimulatedProductLine::restricted)
                .allMatch(line -> ALL_BRANDS.contains(line.brand()), "restricted lines carry an ARP brand");
    }

    @Test
    void enrollmentInOneBrandShowsOnlyThatBrand() {
        String brand = ALL_BRANDS.iterator().next();
        CatalogSnapshot snapshot = model.snapshot(0, Set.of(brand));

        assertThat(snapshot.catalogPage(1, snapshot.totalProductLines()))
                .filteredOn(SimulatedProductLine::restricted)
                .isNotEmpty()
                .allMatch(line -> line.brand().equals(brand));
    }

    @Test
    void epochZeroHasAbsentVariants() {
        int universeVariants = model.universe().totalVariants();
        int visible = model.snapshot(0, ALL_BRANDS).totalVariants();

        assertThat(visible).as("visible variants at epoch 0").isLessThan(universeVariants);
        assertThat(universeVariants - visible).as("absent variants, about 3%").isBetween(150, 450);
    }

    @Test
    void driftRemovesAndReturnsVariants() {
        Set<String> epoch0 = model.snapshot(0, Set.of()).skus();
        Set<String> epoch1 = model.snapshot(1, Set.of()).skus();

        Set<String> removed = new HashSet<>(epoch0);
        removed.removeAll(epoch1);
        Set<String> returned = new HashSet<>(epoch1);
        returned.removeAll(epoch0);

        assertThat(removed).as("SKUs gone at epoch 1").hasSizeBetween(100, 500);
        assertThat(returned).as("SKUs back at epoch 1").hasSizeBetween(100, 500);
        assertThat(model.snapshot(1, Set.of()).totalVariants()).isEqualTo(epoch1.size());
    }

    @Test
    void driftChangesPriceOfAShare() {
        CatalogSnapshot before = model.snapshot(4, Set.of());
        CatalogSnapshot after = model.snapshot(5, Set.of());

        int common = 0;
        int changed = 0;
        for (String sku : before.skus()) {
            SimulatedVariant old = before.variant(sku).orElseThrow();
            var current = after.variant(sku);
            if (current.isPresent()) {
                common++;
                if (!old.dealerPrice().equals(current.get().dealerPrice())) {
                    changed++;
                }
            }
        }

        assertThat(changed).as("variants with a new price, about 10% of %d", common)
                .isBetween(common * 6 / 100, common * 14 / 100);
    }

    @Test
    void variantFieldsAreValid() {
        CatalogSnapshot snapshot = model.snapshot(0, ALL_BRANDS);
        List<SimulatedProductLine> lines = snapshot.catalogPage(1, snapshot.totalProductLines());
        int highStock = 0;
        int variants = 0;
        for (SimulatedProductLine line : lines) {
            assertThat(line.code()).as("code").matches("[A-Z]{3}-PL-\\d{4,}");
            assertThat(line.images()).as("images of %s", line.code()).hasSizeBetween(1, 4)
                    .allMatch(url -> url.startsWith("https://images.rothco.example/"));
            for (SimulatedVariant variant : line.variants()) {
                variants++;
                assertThat(variant.sku()).as("SKU").startsWith(line.code().substring(0, 3) + "-");
                assertThat(variant.upc()).as("UPC of %s", variant.sku()).matches("\\d{12}");
                assertThat(variant.dealerPrice()).as("dealer price of %s", variant.sku()).isLessThan(variant.map());
                assertThat(variant.map()).as("MAP of %s", variant.sku()).isLessThanOrEqualTo(variant.msrp());
                assertThat(variant.quantity()).as("quantity of %s", variant.sku()).matches(QUANTITY);
                assertThat(variant.specifications()).as("specifications of %s", variant.sku()).hasSizeLessThan(11);
                if ("99+".equals(variant.quantity())) {
                    highStock++;
                }
            }
        }
        assertThat(highStock).as("share of 99+ quantities").isBetween(variants * 10 / 100, variants * 20 / 100);
    }

    @Test
    void skusAreUnique() {
        CatalogSnapshot snapshot = model.snapshot(0, ALL_BRANDS);

        assertThat(snapshot.skus()).hasSize(snapshot.totalVariants());
    }

    @Test
    void inventoryPagesFollowCatalogOrder() {
        CatalogSnapshot snapshot = model.snapshot(2, Set.of());
        List<String> fromInventory = new java.util.ArrayList<>();
        for (int page = 1; page <= CatalogSnapshot.totalPages(snapshot.totalVariants(), 777); page++) {
            snapshot.inventoryPage(page, 777).forEach(item -> fromInventory.add(item.sku()));
        }

        assertThat(fromInventory).containsExactlyElementsOf(snapshot.skus());
    }

    @Test
    void variantLookupMatchesPage() {
        CatalogSnapshot snapshot = model.snapshot(0, Set.of());
        SimulatedVariant onPage = snapshot.catalogPage(3, 100).get(17).variants().get(0);

        assertThat(snapshot.variant(onPage.sku())).contains(onPage);
        assertThat(snapshot.variant("RTH-999999-OD-L")).isEmpty();
    }

    @Test
    void pageBeyondEndIsEmpty() {
        CatalogSnapshot snapshot = model.snapshot(0, Set.of());
        int lastPage = CatalogSnapshot.totalPages(snapshot.totalProductLines(), 100);

        assertThat(snapshot.catalogPage(lastPage, 100)).isNotEmpty();
        assertThat(snapshot.catalogPage(lastPage + 1, 100)).isEmpty();
    }

    @Test
    void negativeEpochRejected() {
        assertThatThrownBy(() -> model.snapshot(-1, Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    @Test
    void largeCatalogServesFirstPageQuickly() {
        long started = System.nanoTime();
        CatalogModel large = new CatalogModel(42L, 200_000);
        List<SimulatedProductLine> firstPage = large.snapshot(0, Set.of()).catalogPage(1, 100);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(firstPage).hasSize(100);
        assertThat(large.universe().productLineCount()).as("product lines of 200,000 variants").isGreaterThan(30_000);
        assertThat(millis).as("time to the first page of a 200,000 variant catalog, ms (a loose bound for loaded machines)")
                .isLessThan(10_000);
    }
}
