package com.dealerpool.rothco.simulator;

import java.util.List;

/**
 * Words the generated catalog is built from: brands, the two-level category tree with product
 * names and price ranges, colors, size scales and specification values of military, tactical
 * and outdoor gear.
 */
final class CatalogVocabulary {

    /**
     * A brand with the code used in product line codes and SKUs. ARP brands are sold only to
     * dealers enrolled in the Authorized Reseller Program and make products of one primary
     * category ({@code specialty}); Rothco makes all of them ({@code specialty == null}).
     */
    record Brand(String name, String code, String manufacturer, String specialty) {
    }

    /** A color or camo pattern with the short code used in SKUs. */
    record Color(String code, String name, boolean camo) {
    }

    /**
     * A sub-category with the product names sold in it, its size scale, the dealer price range
     * in cents and the shipping weight range in hundredths of a pound.
     */
    record SubCategory(String primary, String name, List<String> productNames, List<String> sizes,
            List<String> materials, int minPriceCents, int maxPriceCents, int minWeight, int maxWeight,
            String capacityUnit) {
    }

    static final Brand ROTHCO = new Brand("Rothco", "RTH", "Rothco", null);

    static final List<Brand> ARP_BRANDS = List.of(
            new Brand("Ridgeback Blades", "RBB", "Ridgeback Cutlery Co.", "Knives & Tools"),
            new Brand("Sentinel Optics", "SNO", "Sentinel Optical Works", "Optics"),
            new Brand("Bastion Armor", "BSA", "Bastion Protective Systems", "Tactical Gear"));

    static final List<Color> COLORS = List.of(
            new Color("OD", "Olive Drab", false),
            new Color("BK", "Black", false),
            new Color("CB", "Coyote Brown", false),
            new Color("NV", "Navy Blue", false),
            new Color("KH", "Khaki", false),
            new Color("GY", "Grey", false),
            new Color("WC", "Woodland Camo", true),
            new Color("DD", "Desert Digital Camo", true),
            new Color("ACU", "ACU Digital Camo", true),
            new Color("MTC", "Multi-Terrain Camo", true),
            new Color("TGC", "Tiger Stripe Camo", true));

    static final List<String> ONE_SIZE = List.of("OS");

    private static final List<String> APPAREL = List.of("XS", "S", "M", "L", "XL", "2XL", "3XL");
    private static final List<String> FOOTWEAR = List.of("7", "8", "9", "10", "11", "12", "13");
    private static final List<String> GLOVES = List.of("S", "M", "L", "XL");

    static final List<SubCategory> SUB_CATEGORIES = List.of(
            new SubCategory("Outerwear", "Field Jackets",
                    List.of("M-65 Field Jacket", "Vintage M-65 Field Jacket", "Lightweight Field Jacket",
                            "Special Ops Tactical Soft Shell Jacket", "Concealed Carry Field Jacket"),
                    APPAREL, List.of("Nylon/Cotton Twill", "Polyester Soft Shell", "100% Cotton Sateen"),
                    2800, 6900, 180, 420, null),
            new SubCategory("Outerwear", "Parkas",
                    List.of("ECWCS Parka", "N-3B Snorkel Parka", "Gen III Level 7 Parka"),
                    APPAREL, List.of("Nylon Ripstop", "Polyester Taslon"), 4500, 11900, 250, 600, null),
            new SubCategory("Outerwear", "Vests",
                    List.of("Tactical Vest", "Concealed Carry Soft Shell Vest", "Quilted Vest"),
                    APPAREL, List.of("Polyester Ripstop", "Cotton Canvas"), 1600, 4200, 80, 220, null),
            new SubCategory("Pants & Shorts", "Tactical Pants",
                    List.of("Tactical BDU Pants", "Vintage Paratrooper Fatigue Pants", "Rip-Stop Cargo Pants",
                            "Operator Tactical Pants"),
                    APPAREL, List.of("Poly/Cotton Rip-Stop", "100% Cotton Twill"), 1500, 3900, 90, 180, null),
            new SubCategory("Pants & Shorts", "Cargo Shorts",
                    List.of("BDU Cargo Shorts", "Vintage Infantry Utility Shorts", "Tactical Shorts"),
                    APPAREL, List.of("Poly/Cotton Twill", "Cotton Canvas"), 1200, 2600, 50, 120, null),
            new SubCategory("Shirts & Tops", "T-Shirts",
                    List.of("Moisture Wicking T-Shirt", "Heavyweight Solid Color T-Shirt", "Camo T-Shirt"),
                    APPAREL, List.of("100% Cotton", "100% Polyester"), 500, 1500, 30, 70, null),
            new SubCategory("Shirts & Tops", "Combat Shirts",
                    List.of("Military Combat Shirt", "Lightweight Tactical Combat Shirt"),
                    APPAREL, List.of("Poly/Cotton Rip-Stop", "Moisture Wicking Polyester"), 1900, 3800, 60, 140,
                    null),
            new SubCategory("Footwear", "Boots",
                    List.of("Forced Entry Tactical Boot", "Jungle Boot", "Desert Tan Side Zip Boot",
                            "Waterproof Duty Boot", "Combat Boot"),
                    FOOTWEAR, List.of("Full Grain Leather", "Leather and Cordura Nylon"), 3500, 9500, 280, 520,
                    null),
            new SubCategory("Footwear", "Boot Accessories",
                    List.of("Boot Blousing Straps", "Boot Laces", "Boot Insoles"),
                    ONE_SIZE, List.of("Elastic", "Nylon", "Memory Foam"), 200, 900, 5, 40, null),
            new SubCategory("Bags & Packs", "Tactical Backpacks",
                    List.of("Medium Transport Pack", "MOLLE Tactical Backpack", "3-Day Assault Pack",
                            "Venturer Survivor Backpack"),
                    ONE_SIZE, List.of("600D Polyester", "1000D Cordura Nylon"), 2200, 7500, 150, 450, "L"),
            new SubCategory("Bags & Packs", "Duffle Bags",
                    List.of("Heavyweight Canvas Duffle Bag", "GI Type Enhanced Duffle Bag", "Tactical Gear Bag"),
                    ONE_SIZE, List.of("Cotton Canvas", "Nylon"), 1800, 4800, 180, 400, "L"),
            new SubCategory("Bags & Packs", "Messenger Bags",
                    List.of("Vintage Canvas Messenger Bag", "Classic Canvas Shoulder Bag"),
                    ONE_SIZE, List.of("Washed Cotton Canvas"), 1200, 3200, 70, 160, "L"),
            new SubCategory("Camping", "Sleeping Bags",
                    List.of("GI Type Mummy Sleeping Bag", "Modular Sleep System", "Cold Weather Sleeping Bag"),
                    ONE_SIZE, List.of("Ripstop Nylon Shell", "Polyester Fill"), 3200, 12500, 300, 900, "\u00b0F"),
            new SubCategory("Camping", "Tents & Shelters",
                    List.of("2-Person Dome Tent", "Military Style Poncho Liner", "Camo Tarp"),
                    ONE_SIZE, List.of("Polyester", "Nylon Ripstop"), 1500, 9000, 100, 700, null),
            new SubCategory("Camping", "Canteens & Hydration",
                    List.of("GI Style 1 Quart Canteen", "MOLLE Hydration Pack", "Stainless Steel Canteen"),
                    ONE_SIZE, List.of("BPA-Free Plastic", "Stainless Steel"), 400, 2600, 20, 120, "oz"),
            new SubCategory("Tactical Gear", "Plate Carriers",
                    List.of("Operator Plate Carrier Vest", "Lightweight Armor Plate Carrier"),
                    ONE_SIZE, List.of("1000D Cordura Nylon"), 3800, 9900, 200, 450, null),
            new SubCategory("Tactical Gear", "Pouches",
                    List.of("MOLLE Utility Pouch", "Triple Mag Pouch", "Admin Pouch", "Dump Pouch"),
                    ONE_SIZE, List.of("600D Polyester", "Cordura Nylon"), 300, 1500, 10, 60, null),
            new SubCategory("Tactical Gear", "Gloves",
                    List.of("Tactical Hard Knuckle Gloves", "Fingerless Shooting Gloves", "Cold Weather Gloves"),
                    GLOVES, List.of("Leather and Synthetic", "Nylon and Neoprene"), 600, 2200, 10, 40, null),
            new SubCategory("Headwear", "Caps & Hats",
                    List.of("Boonie Hat", "Ultra Force Patrol Cap", "Deluxe Low Profile Cap", "Watch Cap"),
                    GLOVES, List.of("100% Cotton", "Acrylic Knit", "Poly/Cotton Rip-Stop"), 300, 1400, 5, 30, null),
            new SubCategory("Knives & Tools", "Fixed Blade Knives",
                    List.of("Fixed Blade Survival Knife", "Tactical Combat Knife", "Bushcraft Knife"),
                    ONE_SIZE, List.of("1095 Carbon Steel", "440 Stainless Steel"), 1500, 8500, 30, 120, null),
            new SubCategory("Knives & Tools", "Multi-Tools",
                    List.of("Survival Multi-Tool", "Folding Shovel With Pick"),
                    ONE_SIZE, List.of("Stainless Steel", "Carbon Steel"), 900, 4500, 30, 300, null),
            new SubCategory("Optics", "Binoculars",
                    List.of("Tactical Binoculars 10x42", "Compact Binoculars 8x25"),
                    ONE_SIZE, List.of("Aluminum Housing", "Rubber Armored"), 3500, 15900, 40, 160, null),
            new SubCategory("Accessories", "Patches",
                    List.of("US Flag Patch", "Morale Patch", "Subdued Rank Patch", "Tactical Name Tape"),
                    ONE_SIZE, List.of("Embroidered", "PVC Rubber"), 150, 700, 1, 5, null),
            new SubCategory("Accessories", "Belts",
                    List.of("Military Web Belt", "Heavy Duty Rigger's Belt", "Tactical Duty Belt"),
                    GLOVES, List.of("Nylon Webbing", "Leather"), 500, 2500, 20, 80, null),
            new SubCategory("Accessories", "Dog Tags",
                    List.of("GI Style Dog Tag Set", "Silencer Dog Tag Set"),
                    ONE_SIZE, List.of("Stainless Steel", "Aluminum"), 150, 600, 1, 5, null));

    static final List<String> COUNTRIES = List.of(
            "China", "Vietnam", "India", "Pakistan", "USA", "Taiwan", "Indonesia", "Bangladesh");

    static final List<String> FEATURES = List.of(
            "reinforced stitching at every stress point",
            "MOLLE compatible webbing",
            "YKK zippers",
            "adjustable straps",
            "a water repellent finish",
            "multiple utility pockets",
            "military specification construction",
            "a lifetime of field-tested design");

    static final List<String> QUALIFIERS = List.of("", "", "", "Deluxe ", "Kids ", "Women's ", "Heavyweight ");

    static final List<String> EXTRA_SPECIFICATIONS = List.of(
            "Closure", "Fit", "Care", "Water Resistance", "Lining", "Hardware", "Origin Standard", "Warranty");

    static final List<List<String>> EXTRA_SPECIFICATION_VALUES = List.of(
            List.of("Zipper", "Snap Buttons", "Hook and Loop", "Buckle"),
            List.of("Regular", "Relaxed", "Slim"),
            List.of("Machine Wash Cold", "Hand Wash", "Wipe Clean"),
            List.of("Water Resistant", "Waterproof", "None"),
            List.of("Unlined", "Quilted", "Fleece"),
            List.of("Brass", "Nickel", "Polymer"),
            List.of("MIL-SPEC", "GI Style", "Commercial"),
            List.of("1 Year", "Lifetime"));

    private CatalogVocabulary() {
    }
}
