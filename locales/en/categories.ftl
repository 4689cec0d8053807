# The 11 support categories (nội dung khuyến công), numbered as in the
# decree; ids from src/domain/support-categories.ts.

## Support categories

category-training = Vocational training and skills
category-training-description = Support for classes that teach or pass on a trade to workers at the establishment.
category-management = Management capacity, starting a business
category-management-description = Training in management and in starting a business for owners.
category-demonstration-model = Technical demonstration model
category-demonstration-model-description = Support to set up a new way of producing at an establishment that others can come and learn from.
category-machinery = Advanced machinery, technology transfer
category-machinery-description = Part of the cost of advanced machines and equipment, or of taking over a technology for production.
category-typical-products = Typical rural industrial products
category-typical-products-description = Taking part in the selection of typical rural industrial products and developing the winning products.
category-fairs-showrooms = Fairs, exhibitions, showrooms
category-fairs-showrooms-description = Support for a booth at a fair or exhibition, or for a showroom for the products.
category-design-trademark = Design, packaging, trademarks
category-design-trademark-description = Support to design products and packaging and to register a trademark.
category-consulting = Consulting
category-consulting-description = Advice on investment projects, production management and e-commerce sites.
category-cleaner-production = Cleaner production, energy saving
category-cleaner-production-description = Support to produce more cleanly, pollute less and save electricity and fuel.
category-industrial-clusters = Industrial clusters: planning, infrastructure
category-industrial-clusters-description = Support for planning and building the infrastructure of industrial clusters.
category-information = Information and media
category-information-description = Spreading information about industrial promotion and model establishments.
