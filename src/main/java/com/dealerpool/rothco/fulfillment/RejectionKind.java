package com.dealerpool.rothco.fulfillment;

import com.dealerpool.rothco.rothco.RothcoContract;

/** Reason an FR was rejected, identified by Rothco's error code, with its resolution. */
public enum RejectionKind {
    INVALID_REQUEST("invalid locally", "fix the FR's data and resubmit it"),
    MISSING_OR_INVALID_FIELD("missing or invalid field",
            "Rothco refused a field of the order; fix the FR, or the mapping template, and resubmit it"),
    DUPLICATE_PO("duplicate PO", "Rothco already has an order with this PO number; check that order, then cancel"
            + " the FR or resubmit it with a new PO reference such as FR12345-2"),
    ITEM_UNAVAILABLE("item unavailable", "the SKU is discontinued or out of stock at Rothco; change the item, or"
            + " cancel the FR"),
    RESTRICTED_ITEM("restricted item", "the account is not enrolled in the brand's Authorized Reseller Program;"
            + " enroll it, route the FR to a source that is (routing-group), or cancel the FR"),
    HAZMAT_RESTRICTED("hazmat-restricted item", "the account may not order hazardous material; have Rothco approve"
            + " it, route the FR to a source that is (routing-group), or cancel the FR"),
    SHIPPING_METHOD_NOT_ACCEPTED("shipping method not accepted", "the account does not accept this shipping code;"
            + " change the FR's shipping method, fix mapping-sets/shipping-methods.csv, or set accepts-shipping-method"
            + "=false so that Rothco picks the method"),
    OTHER("other error", "read Rothco's message; resubmit the FR once the cause is fixed");

    /** Exchange property that carries the kind of a rejected FR to the rejected-orders route. */
    public static final String PROPERTY = "rothcoFrRejectionKind";

    private final String label;
    private final String resolution;

    RejectionKind(String label, String resolution) {
        this.label = label;
        this.resolution = resolution;
    }

    public String label() {
        return label;
    }

    public String resolution() {
        return resolution;
    }

    /** Returns true when another source of the routing group may accept the FR. */
    public boolean routable() {
        return this == RESTRICTED_ITEM || this == HAZMAT_RESTRICTED;
    }

    /** Returns the kind of a Rothco error code; unknown codes are {@link #OTHER}. */
    public static RejectionKind ofCode(String code) {
        if (code == null) {
            return OTHER;
        }
        if (RothcoContract.INVALID_INPUT_CODES.contains(code)) {
            return MISSING_OR_INVALID_FIELD;
        }
        return switch (code) {
            case RothcoContract.CODE_DUPLICATE_PO -> DUPLICATE_PO;
            case RothcoContract.CODE_ITEM_UNAVAILABLE -> ITEM_UNAVAILABLE;
            case RothcoContract.CODE_RESTRICTED_ITEM -> RESTRICTED_ITEM;
            case RothcoContract.CODE_HAZMAT_RESTRICTED -> HAZMAT_RESTRICTED;
            case RothcoContract.CODE_SHIPPING_METHOD_NOT_ACCEPTED -> SHIPPING_METHOD_NOT_ACCEPTED;
            default -> OTHER;
        };
    }
}
